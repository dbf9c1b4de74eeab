using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>The samples' table finds every sample it was given, whether it was sized for them, for fewer (and grew), or for none.</summary>
public sealed class SampleChainsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(50_000)]
    public void Every_sample_added_is_found_with_its_chain_and_no_other(int expected)
    {
        var chains = new SampleChains(expected);
        var random = new Random(11);
        var samples = new HashSet<uint>();
        while (samples.Count < 50_000)
            samples.Add((uint)random.Next() * 2654435761u);
        foreach (var sample in samples)
        {
            ref var chain = ref chains.FindOrAdd(sample, out var held);
            Assert.False(held);
            chain.Head = (int)(sample % 1_000_003);
            chain.Count = 1;
        }

        var wrong = samples.Count(s => chains.FindOrAdd(s, out var held) is var chain && (!held || chain.Head != (int)(s % 1_000_003)));
        var absent = Enumerable.Range(0, 10_000).Select(_ => (uint)random.Next() * 2654435761u + 1).Where(s => !samples.Contains(s))
            .Count(s => !System.Runtime.CompilerServices.Unsafe.IsNullRef(ref chains.Find(s)));

        Assert.Equal(0, wrong);
        Assert.Equal(0, absent);
    }
}
