namespace Search.Core.Index.Reindex;

public enum ReindexState { Running, Succeeded, Failed, Cancelled }
