// compose-check loads a Compose file as Docker Compose loads it (compose-go, the library `docker compose` is built
// on: the Compose specification's schema, interpolation, anchors and extension fields) and prints one line per
// service: its name, its image, the Dockerfile it is built from ("-" when it is pulled) and its published ports
// (host:container, comma-separated, "-" for none). A file Compose would
// refuse is printed as Compose's error, with exit status 1.
//
//	go run . ../../docker/compose.yaml
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check COMPOSE_FILE")
		os.Exit(2)
	}
	file, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	options, err := cli.NewProjectOptions([]string{file}, cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithOsEnv, cli.WithDotEnv)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		service := project.Services[name]
		dockerfile := "-"
		if service.Build != nil {
			dockerfile = filepath.Join(service.Build.Context, service.Build.Dockerfile)
		}
		ports := "-"
		for i, port := range service.Ports {
			mapping := fmt.Sprintf("%s:%d", port.Published, port.Target)
			if i == 0 {
				ports = mapping
			} else {
				ports += "," + mapping
			}
		}
		fmt.Printf("%s\t%s\t%s\t%s\n", name, service.Image, dockerfile, ports)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
