using Xunit;

// One test sets FLAGS_HOME in the process environment, which every app built meanwhile would read.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
