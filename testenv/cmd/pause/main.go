// pause: the process of every pod's sandbox container on the real node. It holds the pod's namespaces open, reaps
// nothing (the pod's containers are not its children) and exits on SIGTERM or SIGINT, as registry.k8s.io/pause does;
// that image cannot be pulled here, so the node's containerd is given one built from this.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
}
