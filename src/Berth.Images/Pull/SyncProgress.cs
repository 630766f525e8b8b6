namespace Berth.Images.Pull;

/// <summary>Byte counts of one blob turned into <see cref="PullProgress"/> events, reported synchronously on the downloading thread.</summary>
internal sealed class SyncProgress(string id, long total, IProgress<PullProgress> target) : IProgress<long>
{
    public void Report(long value) => target.Report(new PullProgress(id, PullStatus.Downloading, value, total));
}
