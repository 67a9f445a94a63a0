namespace Dashboard.Tests.Infrastructure;

/// <summary>Finds a server binary the tests need, or fails the run naming the package that provides it.</summary>
internal static class RequiredBinary
{
    public static string Find(string name, string debianPackage, params string[] extraFolders)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraFolders);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} was not found on PATH. Install it (Debian: apt-get install {debianPackage}) or run ./test.sh, which installs it.");
    }

    /// <summary>PostgreSQL's Debian packages keep initdb and pg_ctl off PATH, under /usr/lib/postgresql/VERSION/bin.</summary>
    public static string[] PostgresFolders() =>
        Directory.Exists("/usr/lib/postgresql")
            ? [.. Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin"))]
            : [];
}
