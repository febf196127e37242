// Parser benchmark behind the choice of JSON library for steward::json::parse().
// Generates catalogue-like payloads (~100 KB, 1 MB, 10 MB), parses each with
// QJsonDocument (the baseline), our parse() and, where their headers were found at
// configure time, the same Node built through rapidjson and nlohmann SAX, plus each
// library's raw speed without building anything. Prints the median of several runs
// and the speed ratio against QJsonDocument. Not a test; but a parser that fails on a
// payload, or a tree that differs from parse()'s, fails the run loudly (exit 1).
//
//   bench_json_parse [--quick]
#include "BenchSupport.h"
#include "json/JsonNode.h"
#include "json/JsonParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <simdjson.h>

#ifdef HAVE_RAPIDJSON
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#endif
#ifdef HAVE_NLOHMANN_JSON
#include <nlohmann/json.hpp>
#endif

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;
using steward::json::Node;

namespace {

// ---------------------------------------------------------------------------------------
// Payloads: an entity with a nested array of column profiles, each ~210 bytes with exact
// decimals, escapes, non-ASCII text, booleans, nulls and a small nested object.

QByteArray makePayload(qsizetype targetBytes, int &columns)
{
    static const char *const types[] = {"decimal(20,2)", "varchar(255)", "bigint", "timestamp", "boolean"};
    static const char *const tags[] = {"\"pii\"", "\"finance\"", "\"gdpr\",\"eu\"", "", "\"derived\""};
    QByteArray out;
    out.reserve(targetBytes + 512);
    out += R"({"schema":"catalog.v3","entity":{"name":"sales.orders","owner":"Jörg Müller",)"
           R"("rows":12345678901234567,"updated":"2024-05-01T12:00:00Z"},"columns":[)";
    unsigned seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) & 0xffff;
    };
    columns = 0;
    while (out.size() < targetBytes) {
        if (columns > 0)
            out += ',';
        const int i = columns++;
        out += R"({"name":"col_)" + QByteArray::number(i) + R"(","type":")" + types[i % 5] + R"(",)";
        out += R"("nullable":)" + QByteArray(i % 3 ? "true" : "false");
        out += R"(,"min":12345678901234567.)" + QByteArray::number(10 + next() % 90);
        out += R"(,"max":-)" + QByteArray::number(next() % 1000) + "." + QByteArray::number(next() % 100) + "e-3";
        out += R"(,"mean":)" + QByteArray::number(next()) + ".125,\"distinct\":" + QByteArray::number(next() * 7);
        out += R"(,"nullRatio":0.0)" + QByteArray::number(next() % 100);
        out += R"(,"tags":[)" + QByteArray(tags[i % 5]) + "]";
        out += R"(,"note":"\"EUR\" \u2013 VAT\n)" + QByteArray::number(i) + "\"";
        out += R"(,"steward":{"team":"finance","email":null}})";
    }
    out += "]}";
    return out;
}

// ---------------------------------------------------------------------------------------
// Node assembly from SAX events, so the alternatives do the same work as parse():
// members in order, raw number text, duplicate-key check, shared key strings.

class NodeAssembler
{
public:
    void value(Node node)
    {
        if (m_depth == 0) {
            m_root = std::move(node);
            return;
        }
        Level &level = m_levels[m_depth - 1];
        if (level.isArray)
            level.items.push_back(std::move(node));
        else
            level.members.emplace_back(std::move(level.key), std::move(node));
    }
    void startArray() { open(true); }
    void startObject() { open(false); }
    bool key(const char *data, size_t size)
    {
        constexpr size_t kIndexFrom = 12; // as in parse()
        Level &level = m_levels[m_depth - 1];
        QString name = internedKey(data, size);
        const size_t seen = level.members.size();
        if (seen + 1 < kIndexFrom) {
            for (const Node::Member &member : level.members) {
                if (member.first == name)
                    return false; // duplicate key
            }
        } else {
            if (seen + 1 == kIndexFrom) {
                for (const Node::Member &member : level.members)
                    level.keyIndex.insert(member.first);
            }
            if (level.keyIndex.contains(name))
                return false;
            level.keyIndex.insert(name);
        }
        level.key = std::move(name);
        return true;
    }
    void end()
    {
        Level &level = m_levels[--m_depth];
        Node done = level.isArray ? Node::array(QList<Node>(std::make_move_iterator(level.items.begin()),
                                                            std::make_move_iterator(level.items.end())))
                                  : Node::object(QList<Node::Member>(std::make_move_iterator(level.members.begin()),
                                                                     std::make_move_iterator(level.members.end())));
        level.items.clear();
        level.members.clear();
        level.keyIndex.clear();
        value(std::move(done));
    }
    Node take() { return std::move(m_root); }

private:
    // One reusable list per nesting level, so each container is allocated once at its
    // final size (the same technique parse() uses).
    struct Level
    {
        bool isArray = false;
        std::vector<Node> items;
        std::vector<Node::Member> members;
        QSet<QString> keyIndex;
        QString key;
    };
    void open(bool isArray)
    {
        if (m_levels.size() == m_depth)
            m_levels.emplace_back();
        m_levels[m_depth++].isArray = isArray;
    }
    QString internedKey(const char *data, size_t size)
    {
        const std::string bytes(data, size);
        const auto found = m_keys.find(bytes);
        if (found != m_keys.end())
            return found->second;
        QString text = QString::fromUtf8(data, qsizetype(size));
        m_keys.emplace(bytes, text);
        return text;
    }

    std::vector<Level> m_levels;
    size_t m_depth = 0;
    Node m_root;
    std::unordered_map<std::string, QString> m_keys;
};

#ifdef HAVE_RAPIDJSON
struct RapidNodeHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidNodeHandler>
{
    NodeAssembler assembler;
    bool Null() { return assembler.value(Node::null()), true; }
    bool Bool(bool b) { return assembler.value(Node::boolean(b)), true; }
    bool RawNumber(const char *text, rapidjson::SizeType length, bool)
    {
        return assembler.value(Node::number(QString::fromLatin1(text, qsizetype(length)))), true;
    }
    bool String(const char *text, rapidjson::SizeType length, bool)
    {
        return assembler.value(Node::string(QString::fromUtf8(text, qsizetype(length)))), true;
    }
    bool StartObject() { return assembler.startObject(), true; }
    bool Key(const char *text, rapidjson::SizeType length, bool) { return assembler.key(text, length); }
    bool EndObject(rapidjson::SizeType) { return assembler.end(), true; }
    bool StartArray() { return assembler.startArray(), true; }
    bool EndArray(rapidjson::SizeType) { return assembler.end(), true; }
};

struct RapidCountingHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidCountingHandler>
{
    size_t values = 0;
    bool Default() { return ++values, true; }
    bool RawNumber(const char *, rapidjson::SizeType, bool) { return ++values, true; }
    bool String(const char *, rapidjson::SizeType, bool) { return ++values, true; }
    bool Key(const char *, rapidjson::SizeType, bool) { return true; }
    bool StartObject() { return true; }
    bool EndObject(rapidjson::SizeType) { return true; }
    bool StartArray() { return true; }
    bool EndArray(rapidjson::SizeType) { return true; }
};

constexpr unsigned kRapidFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag
                                 | rapidjson::kParseIterativeFlag;

std::optional<Node> rapidTree(const QByteArray &text)
{
    RapidNodeHandler handler;
    rapidjson::Reader reader;
    rapidjson::StringStream stream(text.constData());
    if (reader.Parse<kRapidFlags>(stream, handler).IsError())
        return std::nullopt;
    return handler.assembler.take();
}

size_t rapidNode(const QByteArray &text)
{
    const auto tree = rapidTree(text);
    return tree ? size_t(tree->size()) : 0;
}

size_t rapidRaw(const QByteArray &text)
{
    RapidCountingHandler handler;
    rapidjson::Reader reader;
    rapidjson::StringStream stream(text.constData());
    if (reader.Parse<kRapidFlags>(stream, handler).IsError())
        return 0;
    return handler.values;
}
#endif

#ifdef HAVE_NLOHMANN_JSON
using NlohmannSax = nlohmann::json_sax<nlohmann::json>;

struct NlohmannNodeHandler : NlohmannSax
{
    NodeAssembler assembler;
    bool null() override { return assembler.value(Node::null()), true; }
    bool boolean(bool b) override { return assembler.value(Node::boolean(b)), true; }
    // Only floats come with their text; integers are exact in 64 bits, so their text can
    // be written back (except "-0", which this would turn into "0").
    bool number_integer(number_integer_t v) override { return assembler.value(Node::number(QString::number(v))), true; }
    bool number_unsigned(number_unsigned_t v) override { return assembler.value(Node::number(QString::number(v))), true; }
    bool number_float(number_float_t, const string_t &text) override
    {
        return assembler.value(Node::number(QString::fromLatin1(text.data(), qsizetype(text.size())))), true;
    }
    bool string(string_t &text) override
    {
        return assembler.value(Node::string(QString::fromUtf8(text.data(), qsizetype(text.size())))), true;
    }
    bool binary(binary_t &) override { return false; }
    bool start_object(std::size_t) override { return assembler.startObject(), true; }
    bool key(string_t &text) override { return assembler.key(text.data(), text.size()); }
    bool end_object() override { return assembler.end(), true; }
    bool start_array(std::size_t) override { return assembler.startArray(), true; }
    bool end_array() override { return assembler.end(), true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }
};

struct NlohmannCountingHandler : NlohmannSax
{
    size_t values = 0;
    bool null() override { return ++values, true; }
    bool boolean(bool) override { return ++values, true; }
    bool number_integer(number_integer_t) override { return ++values, true; }
    bool number_unsigned(number_unsigned_t) override { return ++values, true; }
    bool number_float(number_float_t, const string_t &) override { return ++values, true; }
    bool string(string_t &) override { return ++values, true; }
    bool binary(binary_t &) override { return false; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t &) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }
};

std::optional<Node> nlohmannTree(const QByteArray &text)
{
    NlohmannNodeHandler handler;
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &handler))
        return std::nullopt;
    return handler.assembler.take();
}

size_t nlohmannNode(const QByteArray &text)
{
    const auto tree = nlohmannTree(text);
    return tree ? size_t(tree->size()) : 0;
}

size_t nlohmannRaw(const QByteArray &text)
{
    NlohmannCountingHandler handler;
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &handler))
        return 0;
    return handler.values;
}
#endif

// simdjson without building a tree: every value touched, numbers as raw tokens.
size_t simdjsonVisit(simdjson::ondemand::value value)
{
    using simdjson::ondemand::json_type;
    json_type type;
    if (value.type().get(type))
        return 0;
    switch (type) {
    case json_type::array: {
        size_t count = 0;
        for (auto item : value.get_array()) {
            simdjson::ondemand::value child;
            if (item.get(child))
                return 0;
            count += simdjsonVisit(child);
        }
        return count;
    }
    case json_type::object: {
        size_t count = 0;
        for (auto field : value.get_object()) {
            std::string_view key;
            if (field.unescaped_key().get(key))
                return 0;
            count += simdjsonVisit(field.value());
        }
        return count;
    }
    case json_type::number: return value.raw_json_token().empty() ? 0 : 1;
    case json_type::string: {
        std::string_view text;
        return value.get_string().get(text) ? 0 : 1;
    }
    case json_type::boolean: {
        bool flag = false;
        return value.get_bool().get(flag) ? 0 : 1;
    }
    case json_type::null: return 1;
    }
    return 0;
}

size_t simdjsonRaw(const QByteArray &text)
{
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(text.constData(), size_t(text.size()));
    simdjson::ondemand::document document;
    if (parser.iterate(padded).get(document))
        return 0;
    simdjson::ondemand::object root;
    if (document.get_object().get(root))
        return 0;
    size_t count = 0;
    for (auto field : root) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return 0;
        count += simdjsonVisit(field.value());
    }
    return count;
}

// ---------------------------------------------------------------------------------------

struct Contender
{
    QString name;
    std::function<size_t(const QByteArray &)> run; // 0 means it failed
};

// The median over `runs` parses; empty as soon as one fails.
std::optional<double> medianMilliseconds(const Contender &contender, const QByteArray &text, int runs)
{
    if (contender.run(text) == 0) // warm-up, and a check that it parses at all
        return std::nullopt;
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const size_t result = contender.run(text);
        times.append(double(timer.nsecsElapsed()) / 1e6);
        if (result == 0)
            return std::nullopt;
    }
    return steward::bench::median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    steward::bench::Verdict verdict(u"bench_json_parse"_s);

    std::vector<Contender> contenders;
    contenders.push_back({u"QJsonDocument::fromJson (baseline)"_s, [](const QByteArray &text) {
                              QJsonParseError error;
                              const QJsonDocument document = QJsonDocument::fromJson(text, &error);
                              return error.error == QJsonParseError::NoError ? size_t(document.object().size()) : 0;
                          }});
    contenders.push_back({u"steward::json::parse (simdjson)"_s, [](const QByteArray &text) {
                              const auto parsed = steward::json::parse(text);
                              return parsed.ok() ? size_t(parsed.value().size()) : 0;
                          }});
#ifdef HAVE_RAPIDJSON
    contenders.push_back({u"Node via rapidjson SAX"_s, rapidNode});
#endif
#ifdef HAVE_NLOHMANN_JSON
    contenders.push_back({u"Node via nlohmann SAX"_s, nlohmannNode});
#endif
    contenders.push_back({u"raw simdjson on-demand, no tree"_s, simdjsonRaw});
#ifdef HAVE_RAPIDJSON
    contenders.push_back({u"raw rapidjson Reader, no tree"_s, rapidRaw});
#endif
#ifdef HAVE_NLOHMANN_JSON
    contenders.push_back({u"raw nlohmann SAX, no tree"_s, nlohmannRaw});
#endif

    std::printf("simdjson %d.%d.%d, kernel for stage 1: %s; ratio = QJsonDocument time / time (>1 is faster)\n",
                int(simdjson::SIMDJSON_VERSION_MAJOR), int(simdjson::SIMDJSON_VERSION_MINOR),
                int(simdjson::SIMDJSON_VERSION_REVISION), simdjson::get_active_implementation()->name().c_str());
#ifndef NDEBUG
    std::printf("WARNING: this is a debug build; configure with -DCMAKE_BUILD_TYPE=Release for figures.\n");
#endif

    struct Size
    {
        qsizetype bytes;
        int runs;
    };
    const std::vector<Size> sizes = quick ? std::vector<Size>{{100 * 1024, 3}}
                                          : std::vector<Size>{{100 * 1024, 31}, {1024 * 1024, 15}, {10 * 1024 * 1024, 7}};
    for (const Size &size : sizes) {
        int columns = 0;
        const QByteArray text = makePayload(size.bytes, columns);
        const double megabytes = double(text.size()) / (1024.0 * 1024.0);

        // All Node builders must agree with parse(), or the comparison is meaningless.
        const auto reference = steward::json::parse(text);
        if (!verdict.require(reference.ok(), u"parse() refused the payload: "_s +
                                                 (reference ? QString() : reference.error().text())))
            return verdict.exitStatus();

        std::printf("\npayload %.2f MB, %d column objects, median of %d runs\n", megabytes, columns, size.runs);
#ifdef HAVE_RAPIDJSON
        const auto viaRapid = rapidTree(text);
        std::printf("tree via rapidjson identical to parse(): %s\n",
                    verdict.require(viaRapid && viaRapid->identical(reference.value()),
                                    u"the tree built through rapidjson differs from parse()'s"_s)
                        ? "yes"
                        : "NO");
#endif
#ifdef HAVE_NLOHMANN_JSON
        const auto viaNlohmann = nlohmannTree(text);
        std::printf("tree via nlohmann identical to parse(): %s\n",
                    verdict.require(viaNlohmann && viaNlohmann->identical(reference.value()),
                                    u"the tree built through nlohmann differs from parse()'s"_s)
                        ? "yes"
                        : "NO");
#endif
        std::printf("%-38s %10s %10s %12s\n", "parser", "ms", "MB/s", "vs QJsonDoc");
        std::optional<double> baseline;
        for (const Contender &contender : contenders) {
            const auto ms = medianMilliseconds(contender, text, size.runs);
            if (!verdict.require(ms.has_value(), contender.name + u" failed on the payload"_s)) {
                std::printf("%-38s %10s\n", qPrintable(contender.name), "FAILED");
                continue;
            }
            if (!baseline) {
                if (contender.name != contenders.front().name)
                    continue; // no ratio without the baseline
                baseline = ms;
            }
            std::printf("%-38s %10.2f %10.1f %11.2fx\n", qPrintable(contender.name), *ms, megabytes / (*ms / 1000.0),
                        *baseline / *ms);
        }
    }
    return verdict.exitStatus();
}
