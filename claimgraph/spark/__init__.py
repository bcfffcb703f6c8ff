"""claimgraph on Apache Spark: `spark extract` (job.py) writes Parquet datasets (parquet.py) with the same readers
and Extractor as `extract`; `load` (load.py) puts them into a Store. pyspark is imported only where a job runs."""
