package main

import (
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
)

// stages returns the pipeline configuration with every stage Storyline
// has, over the store st. It is the one place stages are chosen, shared by
// ingest, demo, cluster --in and the server.
func stages(st storyline.Store) pipeline.Config {
	return pipeline.Config{Store: st}
}
