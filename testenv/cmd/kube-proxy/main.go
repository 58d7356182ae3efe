// kube-proxy: programs the real node's iptables so that Service addresses reach their pods, exactly as Kubernetes
// builds it from k8s.io/kubernetes/cmd/kube-proxy.
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-proxy/app"
)

func main() {
	os.Exit(cli.Run(app.NewProxyCommand()))
}
