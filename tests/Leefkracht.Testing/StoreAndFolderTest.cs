namespace Leefkracht.Testing;

/// <summary>
/// A test class with its own SQLite store and scratch folder (a new pair per test, as xunit makes a new instance per
/// test), both removed when the test is done: what the import tests share.
/// </summary>
public abstract class StoreAndFolderTest : IDisposable
{
    protected TempFolder Folder { get; } = new();

    protected TestStore Store { get; } = TestStore.Create();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
            Store.Dispose();
        }
    }
}
