error("failing on purpose")
