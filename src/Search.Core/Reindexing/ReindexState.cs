namespace Search.Core.Reindexing;

public enum ReindexState { Running, Succeeded, Failed, Cancelled }
