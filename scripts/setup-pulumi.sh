#!/usr/bin/env bash
# Provides the Pulumi CLI, its Node.js language host and the dynamic-provider plugin at the
# version of the @pulumi/pulumi npm dependency.
#
# 1. A `pulumi` on PATH at that version (installed the usual way) is used as it is.
# 2. Otherwise the toolchain is built once per machine from the Go module proxy (the wrapper
#    module in scripts/pulumi-toolchain) and cached under $PULUMI_TOOLCHAIN_CACHE
#    (default: ~/.cache/pulumi-sftp-partners).
#
# Writes the directory holding the binaries to .pulumi-bin, which the demo and tests put first
# on PATH.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(node -p "require('$repo/node_modules/@pulumi/pulumi/package.json').version")
module_version=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { sub(/^v/, "", $2); print $2 }' \
  "$repo/scripts/pulumi-toolchain/go.mod")
if [ "$version" != "$module_version" ]; then
  echo "setup-pulumi: @pulumi/pulumi is $version but scripts/pulumi-toolchain/go.mod pins $module_version" >&2
  exit 1
fi

record() { printf '%s\n' "$1" > "$repo/.pulumi-bin"; }

if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1 &&
  [ "$(pulumi version 2>/dev/null)" = "v$version" ]; then
  record "$(dirname "$(command -v pulumi)")"
  echo "setup-pulumi: using pulumi v$version from PATH"
  exit 0
fi

cache_root=${PULUMI_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sftp-partners}
bin="$cache_root/pulumi-v$version/bin"
if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ]; then
  record "$bin"
  echo "setup-pulumi: using cached pulumi v$version in $bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || {
  echo "setup-pulumi: pulumi v$version is not on PATH and Go is not installed to build it." >&2
  echo "Install Pulumi (https://www.pulumi.com/docs/install/) or Go, then run this again." >&2
  exit 1
}

echo "setup-pulumi: building pulumi v$version from the Go module proxy (once per machine; several minutes)"
started=$(date +%s)
staging=$(mktemp -d "$cache_root.build.XXXXXX" 2>/dev/null || { mkdir -p "$cache_root" && mktemp -d "$cache_root.build.XXXXXX"; })
trap 'rm -rf "$staging"' EXIT
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
(
  cd "$repo/scripts/pulumi-toolchain"
  # go.sum pins every module; the checksum database is not consulted for Pulumi's own modules.
  export GOFLAGS=-mod=readonly GONOSUMDB=github.com/pulumi/pulumi
  go build -trimpath -ldflags "$ldflags" -o "$staging/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  go build -trimpath -ldflags "$ldflags" -o "$staging/pulumi-language-nodejs" ./cmd/pulumi-language-nodejs
)
install -m 0755 "$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$staging/"
mkdir -p "$(dirname "$bin")"
rm -rf "$bin"
mv "$staging" "$bin"
trap - EXIT
record "$bin"
echo "setup-pulumi: built pulumi $("$bin/pulumi" version) in $(( $(date +%s) - started ))s into $bin"
