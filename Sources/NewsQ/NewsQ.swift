@_exported import NewsFacts
enum NewsQModule {}
