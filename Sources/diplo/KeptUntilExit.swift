/// Values a command has finished with just before the process ends, never freed: the system takes
/// the memory back at once, where freeing a large listing value by value (`query anniversaries`
/// at a million events: some 50,000 matches and 650,000 report cells) takes tens of milliseconds.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ values: Any...) { self.values += values }
}
