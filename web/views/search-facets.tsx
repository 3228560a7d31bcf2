/** Facets beside the results: narrow by publisher, year or speaker, each with its count of hits. */
import type { FacetCount, SearchFacets as Facets } from '../../functions/app/search-archive.ts';
import { activeFilters, searchHref, withFilter, type FilterField } from './query-filters.ts';

function FacetGroup(props: { label: string; field: FilterField; values: FacetCount[]; q: string }) {
  if (props.values.length === 0) return null;
  const active = activeFilters(props.q).find((f) => f.field === props.field);
  return (
    <section class="facet" aria-label={`Filter by ${props.label.toLowerCase()}`}>
      <h3 class="facet__title">{props.label}</h3>
      <ul class="facet__list">
        {props.values.map((facet) => {
          const selected = active?.value.toLowerCase() === facet.value.toLowerCase();
          return (
            <li>
              <a
                href={searchHref(selected ? active!.without : withFilter(props.q, props.field, facet.value))}
                aria-current={selected ? 'true' : undefined}
                class={selected ? 'facet__link is-selected' : 'facet__link'}
              >
                <span class="facet__value">{facet.value}</span>
                <span class="facet__count" aria-label={`${facet.count} results`}>
                  {facet.count}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * @example
 * ```tsx
 * <SearchFacets facets={page.facets} q={q} />
 * ```
 */
export function SearchFacets(props: { facets: Facets; q: string }) {
  const { facets, q } = props;
  if (facets.publishers.length + facets.years.length + facets.speakers.length === 0) return null;
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title" class="facets__heading">
        Narrow results
      </h2>
      <FacetGroup label="Publisher" field="publisher" values={facets.publishers} q={q} />
      <FacetGroup label="Year" field="year" values={facets.years} q={q} />
      <FacetGroup label="Speaker" field="speaker" values={facets.speakers} q={q} />
    </aside>
  );
}
