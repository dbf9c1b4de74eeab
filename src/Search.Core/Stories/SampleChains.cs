using System.Numerics;

namespace Search.Core.Stories;

/// <summary>
/// Each fingerprint sample's chain of postings in <see cref="MemoryStoryLookup"/> (its newest posting and how
/// many live documents hold it): an open-addressing table keyed by the sample itself, probed linearly and kept
/// at most half full. A sample is 32 bits of a mixed hash already (<see cref="StoryFingerprinter"/>), so its low
/// bits are its slot. <c>Dictionary&lt;uint, …&gt;</c> in its place was a fifth of the stories' time in a profile
/// of a rebuild of the corpus (a division by a prime and a bucket then an entry for every lookup).
/// </summary>
internal sealed class SampleChains
{
    public struct Chain
    {
        public int Head;
        public int Count;
    }

    private struct Slot
    {
        public uint Sample;
        public bool Used;
        public Chain Chain;
    }

    private Slot[] _slots;
    private int _used;

    /// <param name="expected">
    /// How many samples it will hold, when known (a rebuild knows how many documents it reads): the table is made
    /// that large at once rather than doubled up to it, each doubling a new array rehashed and paged in (the
    /// corpus's million and more distinct samples took ten, 1.1% of a rebuild's processor time, half of it in the kernel).
    /// </param>
    public SampleChains(int expected = 0)
    {
        _slots = new Slot[Math.Max(1 << 12, (int)BitOperations.RoundUpToPowerOf2((uint)(2 * expected)))];
    }

    /// <summary>The sample's chain, or a null reference when no document ever held it.</summary>
    public ref Chain Find(uint sample)
    {
        var mask = _slots.Length - 1;
        for (var at = (int)sample & mask; ; at = (at + 1) & mask)
        {
            ref var slot = ref _slots[at];
            if (!slot.Used)
                return ref System.Runtime.CompilerServices.Unsafe.NullRef<Chain>();
            if (slot.Sample == sample)
                return ref slot.Chain;
        }
    }

    /// <summary>The sample's chain, added empty (<paramref name="held"/> false) when no document held it yet.</summary>
    public ref Chain FindOrAdd(uint sample, out bool held)
    {
        if (2 * (_used + 1) > _slots.Length)
            Grow();
        var mask = _slots.Length - 1;
        for (var at = (int)sample & mask; ; at = (at + 1) & mask)
        {
            ref var slot = ref _slots[at];
            if (slot.Used && slot.Sample == sample)
            {
                held = true;
                return ref slot.Chain;
            }
            if (!slot.Used)
            {
                (slot.Sample, slot.Used, held) = (sample, true, false);
                _used++;
                return ref slot.Chain;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (!slot.Used)
                continue;
            var at = (int)slot.Sample & mask;
            while (_slots[at].Used)
                at = (at + 1) & mask;
            _slots[at] = slot;
        }
    }
}
