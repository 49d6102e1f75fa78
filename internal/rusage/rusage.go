// Package rusage reads what the operating system counts of the process's
// use of resources: the CPU time it (or one of its threads) has used and
// its peak resident memory. Benchmarks on a shared machine report costs
// from these, which do not depend on the share of a core they were given;
// `storyline bench` reports them. Where a figure is not known it reads 0.
package rusage
