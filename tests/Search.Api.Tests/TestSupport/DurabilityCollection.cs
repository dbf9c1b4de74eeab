namespace Search.Api.Tests.TestSupport;

/// <summary>The slow tests against a real child process of the service: one at a time, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    public const string Name = "Durability";
}
