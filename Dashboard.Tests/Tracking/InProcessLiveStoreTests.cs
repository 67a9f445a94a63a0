using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

public sealed class InProcessLiveStoreTests : LiveStoreContract
{
    protected override Task<ILiveStore> CreateStoreAsync(IOptions<TrackingOptions> options, TimeProvider time) =>
        Task.FromResult<ILiveStore>(new InProcessLiveStore(options, time));
}
