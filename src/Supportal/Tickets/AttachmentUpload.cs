namespace Supportal.Tickets;

/// <summary>
/// A message's files, written but not yet stored under their hashes. <see cref="Place"/> stores them as the last step
/// before the rows that record them commit; disposing deletes the ones not stored, so a message that fails before
/// that (a file that cannot be written, a refused save, a database error) leaves no file behind.
/// </summary>
public sealed class AttachmentUpload : IDisposable
{
    private readonly AttachmentStore store;
    private readonly List<string> temporaries = [];
    private readonly List<StoredFile> files = [];
    private int placed;

    internal AttachmentUpload(AttachmentStore store) => this.store = store;

    public IReadOnlyList<StoredFile> Files => files;

    internal void Add((string Temporary, StoredFile File) written)
    {
        temporaries.Add(written.Temporary);
        files.Add(written.File);
    }

    /// <summary>
    /// Stores the files. One that cannot be stored throws <see cref="AttachmentNotStoredException"/>; disposing deletes
    /// it and the ones after it.
    /// </summary>
    public void Place()
    {
        for (; placed < files.Count; placed++)
            store.Place(temporaries[placed], files[placed]);
    }

    public void Dispose()
    {
        for (; placed < files.Count; placed++)
            store.Discard(temporaries[placed]);
    }
}
