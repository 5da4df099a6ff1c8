#!/bin/sh
# Starts the server on port $1, as the assignment asks: ./run.sh PORT
# No `exec` here (as many students write it): sh stays the parent of ./server while it runs.
# The build puts this script beside the compiled ./server, so go there first.
cd "$(dirname "$0")" || exit 1
./server "$1"
