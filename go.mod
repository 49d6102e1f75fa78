module github.com/storyline-news/storyline

go 1.26.8

require (
	github.com/zeebo/xxh3 v1.1.0
	golang.org/x/text v0.43.0
)

require (
	github.com/abadojack/whatlanggo v1.0.1 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/klauspost/cpuid/v2 v2.4.0 // indirect
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/spf13/cobra v1.10.2 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
