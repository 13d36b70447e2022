import NewsFacts
enum FactStoreModule {}
