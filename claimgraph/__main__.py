from claimgraph.cli import main

if __name__ == "__main__":   # not again in a worker process that `spawn` starts (it imports this module)
    main()
