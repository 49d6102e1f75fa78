module github.com/storyline-news/storyline

go 1.26.8

require (
	github.com/zeebo/xxh3 v1.1.0
	golang.org/x/text v0.43.0
)

require (
	github.com/abadojack/whatlanggo v1.0.1 // indirect
	github.com/klauspost/cpuid/v2 v2.4.0 // indirect
	github.com/kljensen/snowball v0.10.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
