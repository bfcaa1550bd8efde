print("selfloop inner", pcall(require, "selfloop"))
return "selfloop done"
