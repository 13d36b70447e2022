enum NewsTextModule {}
