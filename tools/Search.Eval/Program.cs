using Search.Eval;

// The in-process relevance harness: the engine itself, opened on a folder with a variant's analysis and
// ranking (EngineIndex, Specs.Profile), ingests a collection and rebuilds its index, then answers query
// sets; it prints nDCG@10, MRR@10, Recall@100 and MAP@100. Faster to iterate with than the service over
// HTTP, and measuring the same code; the service's own measurement is `Search.Cli eval`.
try
{
    return args.FirstOrDefault() switch
    {
        "index" => Commands.Index(args[1..]),
        "run" => Commands.Run(args[1..]),
        "titles" => Commands.Titles(args[1..]),
        "headlines" => Commands.Headlines(args[1..]),
        "analyze" => Commands.Analyze(args[1..]),
        "speed" => Commands.Speed(args[1..]),
        "table" => Table.Run(args[1..]),
        "quotes" => Search.Eval.Quotes.QuotesCommand.Run(args[1..]),
        "languages" => Languages.Run(args[1..]),
        "stories" => StoryCommands.Run(args[1..]),
        "compare" => Compare.Run(args[1..]),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        Search.Eval index --out DIR [--analysis SPEC] [--blank-titles QRELS] DOCS.jsonl[.gz]...
            A data folder of the documents, ingested and indexed by the engine with an analysis variant (docs:
            Specs.CreateAnalyzer); with --blank-titles, the documents judged in QRELS are indexed without their titles.
        Search.Eval run --index DIR --set NAME=QUERIES,QRELS... [--ranking SPEC]... [--runs DIR] [--split odd|even]
            Run query sets through the engine's search of a folder built by index, with one or more ranking
            variants; one line of scores each.
        Search.Eval titles --out DIR [--count N] [--seed S] CORPUS.jsonl[.gz]...
            Build the titles-as-queries set: the titles of N sampled articles as queries, each judged
            relevant to the articles bearing that very title. Written to DIR, never to the repository.
        Search.Eval headlines --out DIR [--count N] [--seed S] [--min-shared F] CORPUS.jsonl[.gz]...
            Build the headlines-as-queries set: a headline as the query, the other outlets' near-copies of its
            article (at least F, by default 0.5, of the longer body's word 5-shingles shared) under another
            headline as the answers.
        Search.Eval analyze [--analysis SPEC] TEXT...
            Print the terms a text is analysed into.
        Search.Eval table --work DIR --dev DEV_DIR --corpus CORPUS_DIR [--peers PEERS_DIR] [--count N] [--split odd|even]
                          --variant "NAME|ANALYSIS|RANKING"...
            The comparison of docs/relevance.md: each variant on dev-eval's why/how and information-seeking
            questions, alone and with the corpus as distractors, the titles set, the titles set with its
            answers' titles held out and the headlines set (N/2 queries), and the Java peer (with --peers) on
            the same inputs. The engine's data folders are kept in DIR/engine and reused; runs are written to
            DIR/runs and DIR/peer.
        Search.Eval compare --queries QUERIES --qrels QRELS --ours RUN --peer RUN [--docs DOCS.jsonl]... [--analysis SPEC] [--top N]
            Two runs of one set question by question: nDCG@10 per question word, then the N questions each
            run answers much worse than the other, with their analysed words and the answers' titles.
        Search.Eval speed [--analysis SPEC]... [--rounds N] DOCS.jsonl[.gz]...
            Time analysis alone (one thread) of each variant, interleaved; the first is the reference.
        Search.Eval languages [--samples SAMPLES.jsonl] [DOCS.jsonl[.gz]...]
            Language detection (docs/languages.md): the samples by language and kind, with the misses;
            then the languages detected over the documents, each not detected as its lang listed.
        """);
    return 2;
}
