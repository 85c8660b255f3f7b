using System.Text;

namespace Leefkracht.Data.Import.Text;

/// <summary>Turns file bytes into text, and recognises binary content before anyone tries to parse it.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Whether the first bytes look like binary data rather than text: any NUL byte, or more than 2% control
    /// characters other than tab, CR, LF and form feed in the first 64 KB.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 64 * 1024)];
        if (sample.IsEmpty)
        {
            return false;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0c)
            {
                control++;
            }
        }

        return control > sample.Length / 50;
    }

    /// <summary>
    /// Decodes UTF-8 (with or without BOM). Files that are not valid UTF-8 are decoded as Windows-1252's
    /// Latin-1 subset, which is what older StatLine exports use; <paramref name="usedFallback"/> says so.
    /// </summary>
    public static string Decode(byte[] content, out bool usedFallback)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        try
        {
            usedFallback = false;
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            usedFallback = true;
            return Encoding.Latin1.GetString(span);
        }
    }
}
