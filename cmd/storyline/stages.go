package main

import (
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/copies"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/quotes"
	"github.com/storyline-news/storyline/reading"
)

// stages returns the pipeline configuration with every stage Storyline
// has, over the store st. It is the one place stages are chosen, shared by
// ingest, demo, cluster --in, bench and the server.
func stages(st storyline.Store) pipeline.Config {
	cleaner := clean.New(clean.Options{})
	return pipeline.Config{
		Store:      st,
		Cleaner:    cleaner,
		Recleaner:  cleaner,
		Reader:     reading.New(reading.Options{}),
		Citations:  copies.Citations,
		Copies:     copies.New(st, copies.Options{}),
		Clusterer:  cluster.New(cluster.Options{}),
		Statements: quotes.NewGrouper(quotes.GrouperOptions{}),
	}
}
