import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { meQueryKey } from "../auth/queries";
import { creditsQueryKey } from "../credits/queries";
import { BASE, videoMixerKeys } from "./queries";
import type { Clip, Generation, Group, MixSettings, Project } from "./types";

const projectPath = (projectId: string) => `${BASE}/projects/${encodeURIComponent(projectId)}`;

export interface ProjectInput {
  name: string;
  description?: string;
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) => api<Project>(`${BASE}/projects`, { json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.projects(), "list"] }),
  });
}

export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ProjectInput>) =>
      api<Project>(projectPath(projectId), { method: "PATCH", json: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.project(projectId), "detail"] }),
        queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.projects(), "list"] }),
      ]),
  });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) => api<void>(projectPath(projectId), { method: "DELETE" }),
    onSuccess: (_data, projectId) => {
      queryClient.removeQueries({ queryKey: videoMixerKeys.project(projectId) });
      return queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.projects(), "list"] });
    },
  });
}

/** Group and clip changes alter counts on the project, the board and the estimate. */
function invalidateBoard(queryClient: ReturnType<typeof useQueryClient>, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.project(projectId), "detail"] }),
    queryClient.invalidateQueries({ queryKey: videoMixerKeys.clips(projectId) }),
    queryClient.invalidateQueries({ queryKey: videoMixerKeys.estimates(projectId) }),
    queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.projects(), "list"] }),
  ]);
}

export function useInvalidateBoard(projectId: string) {
  const queryClient = useQueryClient();
  return () => invalidateBoard(queryClient, projectId);
}

export function useCreateGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<Group>(`${projectPath(projectId)}/groups`, { json: { name } }),
    onSuccess: () => invalidateBoard(queryClient, projectId),
  });
}

export function useUpdateGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, ...patch }: { groupId: string; name?: string; position?: number }) =>
      api<Group>(`${BASE}/groups/${encodeURIComponent(groupId)}`, { method: "PATCH", json: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...videoMixerKeys.project(projectId), "detail"] }),
  });
}

export function useDeleteGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => api<void>(`${BASE}/groups/${encodeURIComponent(groupId)}`, { method: "DELETE" }),
    onSuccess: () => invalidateBoard(queryClient, projectId),
  });
}

/** Moves clips to a group (or out of every group with `null`), one request per clip. */
export function useMoveClips(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ clipIds, groupId }: { clipIds: string[]; groupId: string | null }) => {
      for (const clipId of clipIds) {
        await api<Clip>(`${BASE}/clips/${encodeURIComponent(clipId)}`, { method: "PATCH", json: { groupId } });
      }
    },
    // Settle also after a failure part-way, because the clips moved before it did move.
    onSettled: () => invalidateBoard(queryClient, projectId),
  });
}

export function useDeleteClip(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clipId: string) => api<void>(`${BASE}/clips/${encodeURIComponent(clipId)}`, { method: "DELETE" }),
    onSuccess: () => invalidateBoard(queryClient, projectId),
  });
}

export function useCreateGeneration(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { settings: MixSettings; count: number }) =>
      api<Generation>(`${projectPath(projectId)}/generations`, { json: input }),
    onSuccess: (generation) => {
      queryClient.setQueryData(videoMixerKeys.generation(generation.id), generation);
      return invalidateAfterCharge(queryClient, projectId);
    },
  });
}

/** Refreshes balances and lists, because a generation reserves credits when it starts and captures or releases them when it ends. */
export function invalidateAfterCharge(queryClient: ReturnType<typeof useQueryClient>, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: videoMixerKeys.generations(projectId) }),
    queryClient.invalidateQueries({ queryKey: videoMixerKeys.estimates(projectId) }),
    queryClient.invalidateQueries({ queryKey: creditsQueryKey }),
    queryClient.invalidateQueries({ queryKey: meQueryKey }),
  ]);
}
