import NewsShell
print("newsq")
