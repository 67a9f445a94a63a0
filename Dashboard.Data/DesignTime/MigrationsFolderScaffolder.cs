using Microsoft.EntityFrameworkCore.Migrations.Design;

namespace Dashboard.Data.DesignTime;

/// <summary>
/// Keeps <c>dotnet ef migrations add/remove</c> working on the repository's top-level migrations/ folder, which is
/// outside this project: EF would look for existing migrations and the model snapshot only inside the project, and
/// would write a new snapshot into a folder named after its namespace.
/// </summary>
public sealed class MigrationsFolderScaffolder(MigrationsScaffolderDependencies dependencies) : MigrationsScaffolder(dependencies)
{
    protected override string? TryGetProjectFile(string projectDir, string fileName) =>
        base.TryGetProjectFile(projectDir, fileName) ?? base.TryGetProjectFile(MigrationsRoot(projectDir), fileName);

    // Beside the file it belongs with when there is one; otherwise in the provider's folder, named by the namespace's
    // last part (Dashboard.Data.Migrations.Sqlite -> migrations/Sqlite).
    protected override string GetDirectory(string projectDir, string? siblingFileName, string subnamespace)
    {
        var sibling = siblingFileName is null ? null : TryGetProjectFile(projectDir, siblingFileName);
        return sibling is null
            ? Path.Combine(MigrationsRoot(projectDir), subnamespace.Split('.')[^1])
            : Path.GetDirectoryName(sibling)!;
    }

    private static string MigrationsRoot(string projectDir) => Path.GetFullPath(Path.Combine(projectDir, "..", "migrations"));
}
