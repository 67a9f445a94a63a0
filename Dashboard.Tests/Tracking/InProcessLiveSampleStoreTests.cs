using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

public sealed class InProcessLiveSampleStoreTests : LiveSampleStoreContract
{
    protected override Task<ILiveSampleStore> CreateStoreAsync(IOptions<TrackingOptions> options) =>
        Task.FromResult<ILiveSampleStore>(new InProcessLiveSampleStore());
}
