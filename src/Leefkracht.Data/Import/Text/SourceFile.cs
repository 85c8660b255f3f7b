using System.IO.Compression;
using System.Security.Cryptography;

namespace Leefkracht.Data.Import.Text;

/// <summary>
/// A source file read into memory: its bytes (gzip is decompressed transparently), the SHA-256 of the
/// file as stored on disk (for provenance and idempotence) and its name.
/// </summary>
public sealed class SourceFile
{
    /// <summary>The largest decompressed size accepted, to stop gzip bombs.</summary>
    public const long MaxContentBytes = 2L * 1024 * 1024 * 1024 - 1;

    private SourceFile(string path, byte[] content, string sha256, long sizeOnDisk, bool compressed)
    {
        Path = path;
        Content = content;
        Sha256 = sha256;
        SizeOnDisk = sizeOnDisk;
        Compressed = compressed;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The file name without folders, as shown in reports.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The (decompressed) content.</summary>
    public byte[] Content { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes on disk.</summary>
    public string Sha256 { get; }

    /// <summary>Size of the file on disk, in bytes.</summary>
    public long SizeOnDisk { get; }

    /// <summary>Whether the file was gzip-compressed.</summary>
    public bool Compressed { get; }

    /// <summary>Reads a file; gzip (by its magic bytes, not its name) is decompressed.</summary>
    /// <exception cref="InvalidDataException">The gzip stream is corrupt or too large.</exception>
    public static SourceFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var raw = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        var compressed = raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
        return new SourceFile(path, compressed ? Gunzip(raw, path) : raw, sha, raw.Length, compressed);
    }

    /// <summary>Wraps bytes already in memory (tests, benchmarks).</summary>
    public static SourceFile FromBytes(string name, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var compressed = raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
        return new SourceFile(name, compressed ? Gunzip(raw, name) : raw, Convert.ToHexStringLower(SHA256.HashData(raw)), raw.Length, compressed);
    }

    private static byte[] Gunzip(byte[] raw, string path)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxContentBytes)
                {
                    throw new InvalidDataException($"{path}: decompresses to more than {MaxContentBytes / (1024 * 1024)} MB; refusing to read it.");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException exception) when (!exception.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: the file starts like gzip but is not a valid gzip stream ({exception.Message}).", exception);
        }
    }
}
