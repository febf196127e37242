#include "DiffCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "InputText.h"
#include "diff/DiffJson.h"
#include "diff/JsonPatch.h"
#include "diff/StructuralDiff.h"
#include "json/JsonParser.h"

#include <QIODevice>
#include <QTextStream>

#include <vector>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

Result<std::shared_ptr<const json::Node>> readDocument(const QString &source, json::Parser &parser)
{
    auto input = InputText::read(source, CliTr::tr("%1 is empty; expected a JSON document"));
    if (!input)
        return input.error();
    auto document = parser.parseInPlace(std::move(input.value().text));
    if (!document) {
        const Error &error = document.error();
        return Error::make(error.code, CliTr::tr("%1: %2").arg(input.value().name, error.text()));
    }
    return std::make_shared<const json::Node>(std::move(document.value()));
}

// The process ends right after the diff is printed. Freeing two large documents node by
// node would take about as long as building them, so they are left to the end of the
// process, reachable from here (leak checkers do not count them).
void keepUntilExit(std::shared_ptr<const json::Node> document)
{
    static auto *const kept = new std::vector<std::shared_ptr<const json::Node>>();
    kept->push_back(std::move(document));
}

// The bytes as they are: QTextStream would decode and encode them again.
void writeUtf8(const QByteArray &text, QTextStream &out)
{
    out.flush();
    if (QIODevice *device = out.device())
        device->write(text);
    else
        out << QString::fromUtf8(text);
}

QString symbol(const diff::DiffNode &node)
{
    switch (node.kind) {
    case diff::DiffNode::Kind::Added: return u"+"_s;
    case diff::DiffNode::Kind::Removed: return u"-"_s;
    case diff::DiffNode::Kind::Moved: return u">"_s;
    case diff::DiffNode::Kind::Unchanged: return u"="_s;
    default: return u"~"_s;
    }
}

QString valueText(const json::Node *node)
{
    if (!node)
        return {};
    const QString text = QString::fromUtf8(json::serialize(*node));
    return text.size() > 200 ? text.left(197) + u"..."_s : text;
}

void printText(const diff::DiffResult &result, QTextStream &out)
{
    for (const diff::DiffNode *node : result.changes()) {
        const QString path = node->path.isEmpty() ? u"/"_s : node->path;
        switch (node->kind) {
        case diff::DiffNode::Kind::Added: out << u"+ "_s << path << u": "_s << valueText(node->after); break;
        case diff::DiffNode::Kind::Removed: out << u"- "_s << path << u": "_s << valueText(node->before); break;
        case diff::DiffNode::Kind::Moved:
            out << u"> "_s << path << u" "_s << CliTr::tr("(moved from %1)").arg(node->fromPath);
            break;
        default:
            out << symbol(*node) << u' ' << path << u": "_s << valueText(node->before) << u" -> "_s
                << valueText(node->after);
        }
        out << u'\n';
    }
    const diff::DiffCounts &counts = result.counts;
    out << CliTr::tr("%1 added, %2 removed, %3 changed, %4 moved")
               .arg(counts.added)
               .arg(counts.removed)
               .arg(counts.changed)
               .arg(counts.moved)
        << u'\n';
    if (result.approximate)
        out << CliTr::tr("approximate: %1").arg(result.approximateReason) << u'\n';
}

} // namespace

Status runDiff(const CliOptions &options, QTextStream &out)
{
    const QString &oldSource = options.arguments.at(0);
    const QString &newSource = options.arguments.at(1);
    if (InputText::isStandardInput(oldSource) && InputText::isStandardInput(newSource))
        return Error::make(
            ErrorCode::Invalid,
            CliTr::tr("standard input (\"-\") can be only one side of a diff; usage: steward-cli diff OLD NEW"));
    json::Parser parser;
    auto before = readDocument(oldSource, parser);
    if (!before)
        return before.error();
    auto after = readDocument(newSource, parser);
    if (!after)
        return after.error();
    keepUntilExit(before.value());
    keepUntilExit(after.value());

    if (options.format == u"patch"_s) {
        writeUtf8(json::serialize(diff::toPatch(*before.value(), *after.value()), true) + '\n', out);
        return std::nullopt;
    }
    const diff::DiffResult result = diff::diff(before.value(), after.value());
    if (options.format == u"json"_s)
        writeUtf8(json::serialize(diff::toChangesJson(result), true) + '\n', out);
    else
        printText(result, out);
    return std::nullopt;
}

} // namespace steward
