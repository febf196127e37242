#include "model/EntitySchema.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

using Kind = FieldSpec::Kind;

const EntitySchema kGlobalMetadata{EntityType::GlobalMetadata,
                                   u"mdm_global_metadata"_s,
                                   {
                                       {u"canonicalKey"_s, u"canonical_key"_s, Kind::Text},
                                       {u"label"_s, u"label"_s, Kind::Text},
                                       {u"description"_s, u"description"_s, Kind::Text},
                                       {u"domain"_s, u"domain"_s, Kind::Text},
                                       {u"module"_s, u"module"_s, Kind::Text},
                                       {u"entityUrn"_s, u"entity_urn"_s, Kind::Text},
                                       {u"tier"_s, u"tier"_s, Kind::Text},
                                       {u"standardPackId"_s, u"standard_pack_id"_s, Kind::Text},
                                       {u"dataType"_s, u"data_type"_s, Kind::Text},
                                       {u"format"_s, u"format"_s, Kind::Text},
                                       {u"ownerId"_s, u"owner_id"_s, Kind::Text},
                                       {u"stewardId"_s, u"steward_id"_s, Kind::Text},
                                       {u"status"_s, u"status"_s, Kind::Text},
                                       {u"binding"_s, u"binding"_s, Kind::Json},
                                   }};

const EntitySchema kKpi{EntityType::Kpi,
                        u"mdm_kpi"_s,
                        {
                            {u"canonicalKey"_s, u"canonical_key"_s, Kind::Text},
                            {u"label"_s, u"label"_s, Kind::Text},
                            {u"description"_s, u"description"_s, Kind::Text},
                            {u"formula"_s, u"formula"_s, Kind::Text},
                            {u"dependsOn"_s, u"depends_on"_s, Kind::Json},
                            {u"tier"_s, u"tier"_s, Kind::Text},
                            {u"ownerId"_s, u"owner_id"_s, Kind::Text},
                            {u"status"_s, u"status"_s, Kind::Text},
                        }};

const EntitySchema kBusinessRule{EntityType::BusinessRule,
                                 u"mdm_business_rule"_s,
                                 {
                                     {u"canonicalKey"_s, u"canonical_key"_s, Kind::Text},
                                     {u"label"_s, u"label"_s, Kind::Text},
                                     {u"appliesTo"_s, u"applies_to"_s, Kind::Text},
                                     {u"ruleType"_s, u"rule_type"_s, Kind::Text},
                                     {u"definition"_s, u"definition"_s, Kind::Json},
                                     {u"severity"_s, u"severity"_s, Kind::Text},
                                     {u"status"_s, u"status"_s, Kind::Text},
                                 }};

const EntitySchema kGlossary{EntityType::Glossary,
                             u"mdm_glossary_term"_s,
                             {
                                 {u"canonicalKey"_s, u"canonical_key"_s, Kind::Text},
                                 {u"term"_s, u"term"_s, Kind::Text},
                                 {u"definition"_s, u"definition"_s, Kind::Text},
                                 {u"synonyms"_s, u"synonyms"_s, Kind::Json},
                                 {u"relatedKeys"_s, u"related_keys"_s, Kind::Json},
                                 {u"status"_s, u"status"_s, Kind::Text},
                             }};

} // namespace

const FieldSpec *EntitySchema::field(const QString &jsonName) const
{
    for (const FieldSpec &spec : fields) {
        if (spec.jsonName == jsonName)
            return &spec;
    }
    return nullptr;
}

const EntitySchema &EntitySchema::of(EntityType type)
{
    switch (type) {
    case EntityType::GlobalMetadata: return kGlobalMetadata;
    case EntityType::Kpi: return kKpi;
    case EntityType::BusinessRule: return kBusinessRule;
    case EntityType::Glossary: return kGlossary;
    }
    return kGlobalMetadata;
}

} // namespace steward
