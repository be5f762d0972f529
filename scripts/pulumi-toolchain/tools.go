//go:build tools

// Pins the Pulumi CLI's main package so `go mod tidy` records its dependencies.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
