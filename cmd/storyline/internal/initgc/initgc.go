// Package initgc holds the garbage collector off while the program's
// packages initialize, unless GOGC sets the collector's pace. The program
// sets the pace it runs at, which turns the collector back on, in the
// init of package main, which runs after that of every package it
// imports.
//
// The date parser's package data (go-dateparser, which extraction and
// go-trafilatura import) allocates about 95 MB of tables and regular
// expressions as it initializes, and keeps 30 MB of them: at Go's default
// pace the collector ran eleven times meanwhile, for a quarter of the
// instructions the process spent before main (storyline --help, and so
// every command: 2.0 → 1.6 billion under callgrind). Held off, it runs once
// after, on a heap of about 110 MB rather than 30.
//
// Go initializes first the package that comes first by import path among
// those whose imports are initialized. The data of go-dateparser waits
// for regexp; this package, which imports neither regexp nor
// runtime/debug (whose path sorts after regexp), is initialized well
// before. That is why it reaches the collector's pace through the
// function debug.SetGCPercent calls, which the runtime exports for it.
package initgc

import (
	"os"
	_ "unsafe" // for go:linkname
)

// setGCPercent is runtime/debug.SetGCPercent's own implementation in the
// runtime.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(int32) int32

func init() {
	if os.Getenv("GOGC") == "" {
		setGCPercent(-1)
	}
}
