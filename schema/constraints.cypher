// Constraints and indexes of the innovation graph. Applied at every start-up; each statement is
// idempotent (IF NOT EXISTS). See model.md for what the labels and relationships mean.

// Stable ids: one node per real thing.
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT innovation_id IF NOT EXISTS FOR (n:Innovation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT prize_id IF NOT EXISTS FOR (n:Prize) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT effect_id IF NOT EXISTS FOR (n:Effect) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT spread_signal_id IF NOT EXISTS FOR (n:SpreadSignal) REQUIRE n.id IS UNIQUE;

// Full-text search with the Danish analyzer: stemming makes plurals and inflections match.
// innovation_search is what search ranks by: the innovation's own text and what its relationships
// say it is about (themes and missions, effects, spreading evidence, partners), copied onto it by
// src/graph/search-document.cypher.ts. innovation_text (own text only) serves the benchmark's
// @neo4j/graphql server, whose @fulltext directive names it.
CREATE FULLTEXT INDEX innovation_search IF NOT EXISTS FOR (n:Innovation)
  ON EACH [n.title, n.summary, n.targetGroup, n.searchTopics, n.searchEffects, n.searchSpread, n.searchPartners]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'danish' } };
CREATE FULLTEXT INDEX innovation_text IF NOT EXISTS FOR (n:Innovation) ON EACH [n.title, n.summary, n.targetGroup]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'danish' } };
CREATE FULLTEXT INDEX organisation_names IF NOT EXISTS FOR (n:Organisation) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'danish' } };
CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name, n.role]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'danish' } };

// Properties that filters and orderings use.
CREATE INDEX innovation_title IF NOT EXISTS FOR (n:Innovation) ON (n.title);
CREATE INDEX innovation_year IF NOT EXISTS FOR (n:Innovation) ON (n.year);
CREATE INDEX innovation_kind IF NOT EXISTS FOR (n:Innovation) ON (n.kind);
CREATE INDEX innovation_sector IF NOT EXISTS FOR (n:Innovation) ON (n.sector);
CREATE INDEX innovation_corona IF NOT EXISTS FOR (n:Innovation) ON (n.coronaRelated);
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE INDEX organisation_country IF NOT EXISTS FOR (n:Organisation) ON (n.country);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX adopted_year IF NOT EXISTS FOR ()-[r:ADOPTED]-() ON (r.year);
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);

// Merged nodes keep their id as a pointer to the node they were merged into: looked up when a
// write names an old id, and when a new node would take one.
CREATE CONSTRAINT merged_organisation_id IF NOT EXISTS FOR (n:MergedOrganisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merged_person_id IF NOT EXISTS FOR (n:MergedPerson) REQUIRE n.id IS UNIQUE;
