import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, apiUrl, fetchAllPages, type Page, withQuery } from "../../api/client";
import type { Clip, Estimate, Generation, MixSettings, Project, ProjectDetail } from "./types";

export const BASE = "/api/apps/video-mixer";

/** Query keys: everything about one project sits under `project(id)`. */
export const videoMixerKeys = {
  all: ["video-mixer"] as const,
  projects: () => [...videoMixerKeys.all, "projects"] as const,
  project: (projectId: string) => [...videoMixerKeys.projects(), projectId] as const,
  clips: (projectId: string) => [...videoMixerKeys.project(projectId), "clips"] as const,
  estimates: (projectId: string) => [...videoMixerKeys.project(projectId), "estimate"] as const,
  generations: (projectId: string) => [...videoMixerKeys.project(projectId), "generations"] as const,
  generation: (generationId: string) => [...videoMixerKeys.all, "generation", generationId] as const,
};

export const projectsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...videoMixerKeys.projects(), "list"],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Project>>(withQuery(`${BASE}/projects`, { cursor: pageParam, limit: 24 }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const projectQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: [...videoMixerKeys.project(projectId), "detail"],
    queryFn: ({ signal }) => api<ProjectDetail>(`${BASE}/projects/${encodeURIComponent(projectId)}`, { signal }),
  });

/** All clips of a project: the grouping board needs every clip at once. */
export const clipsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: videoMixerKeys.clips(projectId),
    queryFn: ({ signal }) => fetchAllPages<Clip>(`${BASE}/projects/${encodeURIComponent(projectId)}/clips`, { signal }),
  });

export const estimateQueryOptions = (projectId: string, settings: MixSettings, count: number) =>
  queryOptions({
    queryKey: [...videoMixerKeys.estimates(projectId), settings, count],
    queryFn: ({ signal }) =>
      api<Estimate>(`${BASE}/projects/${encodeURIComponent(projectId)}/estimate`, {
        json: { settings, count },
        signal,
      }),
    // Keep showing the last estimate while the next one loads, so the numbers do not flicker.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: false,
  });

export const generationsQueryOptions = (projectId: string) =>
  infiniteQueryOptions({
    queryKey: videoMixerKeys.generations(projectId),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Generation>>(
        withQuery(`${BASE}/projects/${encodeURIComponent(projectId)}/generations`, { cursor: pageParam, limit: 10 }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const POLL_INTERVAL_MS = 2000;

export function isGenerationActive(status: Generation["status"]): boolean {
  return status === "queued" || status === "processing";
}

/** One generation with its outputs, polled every 2 s while it is queued or processing. */
export const generationQueryOptions = (generationId: string) =>
  queryOptions({
    queryKey: videoMixerKeys.generation(generationId),
    queryFn: ({ signal }) => api<Generation>(`${BASE}/generations/${encodeURIComponent(generationId)}`, { signal }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (query.state.error) return false;
      return !data || isGenerationActive(data.status) ? POLL_INTERVAL_MS : false;
    },
  });

// Media URLs are absolute to the API because <video> and <a> do not go through `api()`.
export function outputUrl(generationId: string, index: number): string {
  return apiUrl(`${BASE}/generations/${encodeURIComponent(generationId)}/outputs/${index}`);
}

export function thumbnailUrl(generationId: string, index: number): string {
  return `${outputUrl(generationId, index)}/thumbnail`;
}

export function zipUrl(generationId: string): string {
  return apiUrl(`${BASE}/generations/${encodeURIComponent(generationId)}/zip`);
}
