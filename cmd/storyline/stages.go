package main

import (
	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/pipeline"
)

// stages returns the pipeline every command runs over st.
func stages(st storyline.Store) pipeline.Config { return pipeline.Standard(st) }
