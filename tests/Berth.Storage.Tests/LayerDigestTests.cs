using System.Security.Cryptography;
using System.Text;
using Berth.Storage.Layers;

namespace Berth.Storage.Tests;

public class LayerDigestTests
{
    private static string Digest(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Chain_id_of_the_bottom_layer_is_its_diff_id()
    {
        string d0 = Digest("layer0");
        Assert.Equal([d0], LayerDigest.ChainIds([d0]));
    }

    [Fact]
    public void Chain_id_hashes_the_parent_chain_id_a_space_and_the_diff_id()
    {
        string d0 = Digest("a"), d1 = Digest("b"), d2 = Digest("c");
        var chain = LayerDigest.ChainIds([d0, d1, d2]);
        string c1 = Digest(d0 + " " + d1);
        Assert.Equal([d0, c1, Digest(c1 + " " + d2)], chain);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("../../etc")]
    public void Rejects_what_is_not_a_sha256_digest(string digest)
    {
        Assert.Throws<StorageException>(() => LayerDigest.Hex(digest));
    }

    [Fact]
    public void Hex_is_the_part_after_the_algorithm()
    {
        string d = Digest("x");
        Assert.Equal(d["sha256:".Length..], LayerDigest.Hex(d));
    }
}
