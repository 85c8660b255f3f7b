using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Leefkracht.Data.Import.Text;

/// <summary>
/// A source file read into memory: its bytes (gzip is decompressed transparently, UTF-16 with a byte order mark is
/// turned into UTF-8), the SHA-256 of the file as stored on disk (for provenance and idempotence) and its name.
/// Reading enforces <see cref="ImportLimits"/> as it goes.
/// </summary>
public sealed class SourceFile
{
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

    /// <summary>Reads a file within <paramref name="limits"/> (the defaults when null); gzip (by its magic bytes, not its name) is decompressed.</summary>
    /// <exception cref="InvalidDataException">The gzip stream is corrupt, or the file breaks a limit (the message names it and the option that raises it).</exception>
    public static SourceFile Read(string path, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= ImportLimits.Default;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var compressed = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        if (compressed)
        {
            // The compressed file itself is read whole (for its hash); it is at most the size limit.
            if (file.Length > limits.MaxBytes)
            {
                throw TooLarge(path, limits);
            }

            var raw = new byte[file.Length];
            file.ReadExactly(raw);
            return FromBytes(path, raw, limits);
        }

        if (file.Length > limits.MaxBytes)
        {
            throw TooLarge(path, limits);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var content = Bounded(path, file, file.Length, null, limits, hash);
        return new SourceFile(path, Utf8(content), Convert.ToHexStringLower(hash.GetHashAndReset()), file.Length, compressed: false);
    }

    /// <summary>Wraps bytes already in memory (tests, benchmarks), within <paramref name="limits"/> (the defaults when null).</summary>
    /// <exception cref="InvalidDataException">The gzip stream is corrupt, or the content breaks a limit.</exception>
    public static SourceFile FromBytes(string name, byte[] raw, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        limits ??= ImportLimits.Default;
        var compressed = raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
        byte[] content;
        if (compressed)
        {
            try
            {
                var packed = new MemoryStream(raw, writable: false);
                using var gzip = new GZipStream(packed, CompressionMode.Decompress);
                content = Bounded(name, gzip, null, packed, limits, null);
            }
            catch (InvalidDataException exception) when (!exception.Message.StartsWith(name, StringComparison.Ordinal))
            {
                throw new InvalidDataException(ImportWords.Words.Format("Limit.NotGzip", name, exception.Message), exception);
            }
        }
        else
        {
            content = Bounded(name, new MemoryStream(raw, writable: false), raw.Length, null, limits, null);
        }

        return new SourceFile(name, Utf8(content), Convert.ToHexStringLower(SHA256.HashData(raw)), raw.Length, compressed);
    }

    /// <summary>
    /// Copies <paramref name="input"/> into memory in chunks, stopping at the first chunk that breaks a limit: the total
    /// size, a table line's length (not for JSON, whose first character tells), the expansion of the compressed bytes
    /// consumed so far from <paramref name="compressed"/> (so that a bomb is stopped early however large its file).
    /// Memory stays at what was read so far, never what the file claims.
    /// </summary>
    private static byte[] Bounded(string path, Stream input, long? knownLength, Stream? compressed, ImportLimits limits, IncrementalHash? hash)
    {
        using var output = knownLength is { } length ? new MemoryStream(checked((int)Math.Min(length, int.MaxValue))) : new MemoryStream();
        var buffer = new byte[1 << 16];
        long total = 0;
        long line = 0, lineNumber = 1;
        bool? json = null;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            hash?.AppendData(chunk);
            total += read;
            if (total > limits.MaxBytes)
            {
                throw TooLarge(path, limits);
            }

            if (compressed is not null && total > limits.RatioCheckedFromBytes && total > Math.Max(1, compressed.Position) * limits.MaxRatio)
            {
                var packed = compressed.Position;
                throw new InvalidDataException(ImportWords.Words.Format("Limit.Ratio", path, limits.MaxRatio, ImportWords.Whole(packed), ImportWords.Whole(total)));
            }

            json ??= StartsJson(chunk); // null while only whitespace came: the next chunk decides
            if (json == false)
            {
                foreach (var b in chunk)
                {
                    if (b == (byte)'\n')
                    {
                        line = 0;
                        lineNumber++;
                    }
                    else if (++line > limits.MaxLineBytes)
                    {
                        throw new InvalidDataException(ImportWords.Words.Format("Limit.LongLine", path, lineNumber, ImportWords.Whole(limits.MaxLineBytes / 1024)));
                    }
                }
            }

            output.Write(chunk);
        }

        return output.ToArray();
    }

    /// <summary>Whether the content is JSON (its first character after a BOM and whitespace is '{' or '['); null while only whitespace was read.</summary>
    private static bool? StartsJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Encoding.UTF8.Preamble))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        return head.IsEmpty ? null : head[0] is (byte)'{' or (byte)'[';
    }

    /// <summary>UTF-16 with a byte order mark (as CBS and Excel can export) becomes UTF-8; anything else is kept as it is.</summary>
    private static byte[] Utf8(byte[] content)
    {
        Encoding? utf16 = content.AsSpan().StartsWith(Encoding.Unicode.Preamble) ? Encoding.Unicode
            : content.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble) ? Encoding.BigEndianUnicode
            : null;
        return utf16 is null ? content : Encoding.UTF8.GetBytes(utf16.GetString(content, 2, content.Length - 2));
    }

    private static InvalidDataException TooLarge(string path, ImportLimits limits) =>
        new(ImportWords.Words.Format("Limit.TooLarge", path, ImportWords.Whole(limits.MaxBytes / (1024 * 1024))));
}
