// The baseline of bench_diff_process: nlohmann/json (Debian nlohmann-json3-dev) reads
// two files, computes json::diff and prints the RFC 6902 patch, as a whole process.

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

std::string readFile(const char *path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error(std::string("cannot read ") + path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OLD NEW\n", argv[0]);
        return 2;
    }
    try {
        const nlohmann::json before = nlohmann::json::parse(readFile(argv[1]));
        const nlohmann::json after = nlohmann::json::parse(readFile(argv[2]));
        std::cout << nlohmann::json::diff(before, after).dump(4) << '\n';
    } catch (const std::exception &error) {
        std::fprintf(stderr, "nlohmann_json_diff: %s\n", error.what());
        return 1;
    }
    return 0;
}
