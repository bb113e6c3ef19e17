using System.Text;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Bucketing;

public sealed class MurmurHash3Tests
{
    // Published MurmurHash3_x86_32 vectors for seed 0, cross-checked with an independent implementation.
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0x3c2569b2u)]
    [InlineData("abc", 0xb3dd93fau)]
    [InlineData("abcd", 0x43ed676au)]
    [InlineData("aaaa", 0x7eeed987u)]
    [InlineData("Hello, world!", 0xc0363e43u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x2e4ff723u)]
    public void Matches_published_vectors(string text, uint expected)
    {
        Assert.Equal(expected, MurmurHash3.Hash(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(expected, MurmurHash3.HashUtf8(text));
    }

    [Theory]
    [InlineData("\u00e9t\u00e9", 0x3393660fu)]
    [InlineData("\U0001F600", 0xbeb42efau)]
    public void Hashes_non_ascii_text_as_utf8(string text, uint expected)
    {
        Assert.Equal(expected, MurmurHash3.HashUtf8(text));
    }

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate, so those arrive escaped.
    [Theory]
    [InlineData("plain ascii")]
    [InlineData("Jos\u00e9 \u00df \u20ac")]
    [InlineData("\u65e5\u672c\u8a9e")]
    [InlineData("pair \U0001D11E and \U0001F600")]
    [InlineData("lone high \\ud800 then text")]
    [InlineData("lone high at end \\ud800")]
    [InlineData("\\udc00 lone low first")]
    [InlineData("reversed \\udc00\\ud800 pair")]
    [InlineData("two highs \\ud800\\ud800\\udc00")]
    [InlineData("\u007f\u0080\u07ff\u0800\uffff")]
    public void Encodes_exactly_like_Encoding_UTF8(string escaped)
    {
        var text = Escapes.Decode(escaped);
        Assert.NotEqual(0, text.Length);
        Assert.Equal(MurmurHash3.Hash(Encoding.UTF8.GetBytes(text)), MurmurHash3.HashUtf8(text));
    }

    [Fact]
    public void A_copied_prefix_state_continues_like_hashing_the_whole_text()
    {
        var prefix = new MurmurHash3(0);
        prefix.AppendUtf8("invoices.write/");

        for (var length = 0; length < 9; length++)
        {
            var suffix = new string('x', length);
            var copy = prefix;
            copy.AppendUtf8(suffix);
            Assert.Equal(MurmurHash3.HashUtf8("invoices.write/" + suffix), copy.Finish());
        }

        // The prefix itself is untouched by what its copies were fed.
        Assert.Equal(MurmurHash3.HashUtf8("invoices.write/"), prefix.Finish());
    }
}
