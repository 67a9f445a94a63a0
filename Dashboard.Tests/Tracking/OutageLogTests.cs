using Dashboard.Core.Tracking;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Tracking;

public sealed class OutageLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<OutageLog> _logger = new();
    private readonly OutageLog _outages;

    public OutageLogTests() => _outages = new OutageLog(_time, _logger);

    [Fact]
    public void Failed_ManyTimesWithinAMinute_LogsOneErrorAndTheRestAtDebug()
    {
        for (var i = 0; i < 100; i++)
        {
            _outages.Failed(StoreUnavailableException.HistoryDatabase, new TimeoutException("no answer"));
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Single(_logger.Entries, entry => entry.Level >= LogLevel.Information);
        Assert.Equal(LogLevel.Error, _logger.Entries[0].Level);
        Assert.Equal(99, _logger.Entries.Count(entry => entry.Level == LogLevel.Debug));
    }

    [Fact]
    public void Failed_ForSeveralMinutes_RemindsOnceAMinute()
    {
        for (var second = 0; second <= 180; second++)
        {
            _outages.Failed(StoreUnavailableException.LiveStore, new TimeoutException("no answer"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, _logger.Entries.Count(entry => entry.Level == LogLevel.Warning));
    }

    [Fact]
    public void Succeeded_AfterAnOutage_LogsItsEndOnce()
    {
        _outages.Failed(StoreUnavailableException.LiveStore, new TimeoutException("no answer"));
        _time.Advance(TimeSpan.FromSeconds(61));

        _outages.Succeeded(StoreUnavailableException.LiveStore);
        _outages.Succeeded(StoreUnavailableException.LiveStore);

        var ended = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Information);
        Assert.Contains("back after 00:01:01", ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_TwoStores_LogsEachOutageStart()
    {
        _outages.Failed(StoreUnavailableException.LiveStore, new TimeoutException("no answer"));
        _outages.Failed(StoreUnavailableException.HistoryDatabase, new TimeoutException("no answer"));

        Assert.Equal(2, _logger.Entries.Count(entry => entry.Level == LogLevel.Error));
    }
}
