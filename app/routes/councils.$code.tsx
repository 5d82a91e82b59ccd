import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { LinkList, LinkParagraph, SummaryList } from "~/components/buying";
import { findCouncilByCode, getCouncilByCode } from "~/models/council.server";
import { follow, listFollowsForUser, unfollow } from "~/models/follows.server";
import { councilContractsPanel } from "~/models/contract.server";
import { peerRenewals } from "~/models/contract-radar.server";
import { RADAR_HORIZONS } from "~/models/contract.schema";
import { contractViewer } from "~/auth/contract-policy.server";
import { mayFollow, requireFollower } from "~/auth/follow-policy.server";
import { flash } from "~/auth/session.server";
import { ContractsPanel } from "~/components/contract-table";
import { formatNumber } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { clientIp, notFound } from "~/utils/http.server";
import { conflict, notFoundFailure, ok } from "~/utils/result";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.council.officialName : "Council not found");

const COUNCIL_CODE = /^[A-Za-z0-9]{2,6}$/;

/** The user's follow of this council, if any. */
async function followOf(userId: string, councilId: string) {
  const follows = await listFollowsForUser(userId);
  return follows.find((f) => f.kind === "council" && f.subjectId === councilId) ?? null;
}

async function stopFollowing(actor: { id: string; ip: string }, councilId: string) {
  const existing = await followOf(actor.id, councilId);
  return existing ? unfollow(actor, existing.id) : notFoundFailure("You do not follow this council");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = String(params.code);
  if (!COUNCIL_CODE.test(code)) throw notFound();
  const council = await getCouncilByCode(code);
  if (!council) throw notFound();
  const products = new Map<string, { id: string; name: string; supplier: { slug: string; tradingName: string } }>();
  for (const cs of council.caseStudies) {
    for (const link of cs.products) {
      if (link.product?.publishedVersion) {
        products.set(link.product.id, { id: link.product.id, name: link.product.publishedVersion.name, supplier: link.product.supplier });
      }
    }
  }
  // The register panel and the renewal radar: public contracts, and this council's private ones for its own buyers.
  const { user, viewer } = await contractViewer(request);
  const [contracts, radar, following] = await Promise.all([
    councilContractsPanel(council.id, viewer),
    peerRenewals(council.id, {}, 24, viewer),
    mayFollow(user) ? followOf(user.id, council.id) : Promise.resolve(null),
  ]);
  // "signed-out" offers a sign-in link; "no" (an admin) shows no button.
  const canFollow = user ? (mayFollow(user) ? "yes" : "no") : "signed-out";
  return {
    council,
    products: [...products.values()],
    contracts,
    radar: radar ? { counts: radar.counts, peers: radar.peers } : null,
    follow: { canFollow, following: Boolean(following) } as const,
  };
}

const followSchema = z.object({
  intent: z.enum(["follow", "unfollow"], { errorMap: () => ({ message: "Choose whether to follow this council" }) }),
});

/** Follow or stop following this council (a plain POST form, so it works without JavaScript). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  // Suppliers and council buyers follow councils (issue 15); anyone else is refused (403, audited).
  const user = await requireFollower(request);
  const code = String(params.code);
  const council = COUNCIL_CODE.test(code) ? await findCouncilByCode(code) : null;
  if (!council) throw notFound();
  const actor = { id: user.id, ip: clientIp(context, request) };
  return handleForm(request, {
    schema: followSchema,
    run: async ({ intent }) => {
      const done = intent === "follow" ? await follow(actor, "council", council.id) : await stopFollowing(actor, council.id);
      if (done.ok) return ok(intent);
      // Shown against the form: the page has no council field to link to.
      return done.failure.kind === "conflict" ? conflict(done.failure.message) : done;
    },
    onSuccess: async (intent) => {
      const message =
        intent === "follow"
          ? `You now follow ${council.name}. We will tell you about its new case studies and forward plans.`
          : `You no longer follow ${council.name}`;
      return redirect(`/councils/${council.code}`, { headers: await flash(request, message) });
    },
  });
}

export default function CouncilPage() {
  const { council, products, contracts, radar, follow } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <span className="govuk-caption-l">{council.typeName}</span>
      <h1 className="govuk-heading-xl">{council.officialName}</h1>
      <FollowCouncil code={council.code} name={council.name} {...follow} />
      <SummaryList
        rows={[
          { key: "Code", value: `${council.code}${council.gssCode ? ` (GSS ${council.gssCode})` : ""}` },
          { key: "Nation and region", value: council.nation === council.region ? council.nation : `${council.region}, ${council.nation}` },
          { key: "Population (2020)", value: formatNumber(council.population) },
        ]}
      />
      <LinkParagraph to={`/councils/${council.code}/peers`}>Councils like {council.name}</LinkParagraph>
      <h2 className="govuk-heading-m">Case studies</h2>
      <LinkList
        items={council.caseStudies.map((c) => ({
          key: c.id,
          to: `/case-studies/${c.slug}`,
          text: c.title,
          note: `(${c.serviceArea.name})`,
        }))}
        empty={`${council.name} has not published a case study yet.`}
      />
      <h2 className="govuk-heading-m">Products it uses</h2>
      <LinkList
        items={products.map((p) => ({ key: p.id, to: `/products/${p.id}`, text: p.name, note: `from ${p.supplier.tradingName}` }))}
        empty="No products recorded yet."
      />
      <ContractsPanel
        heading="Contracts"
        total={contracts.total}
        contracts={contracts.contracts}
        moreHref={`/contracts?council=${council.code}`}
        hide={["council"]}
      />
      {radar ? (
        <section aria-labelledby="radar-panel">
          <h2 className="govuk-heading-m" id="radar-panel">
            Renewal radar
          </h2>
          <p className="govuk-body">
            Contracts of the {radar.peers} councils most like {council.name} that end soon:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {RADAR_HORIZONS.map((h) => (
              <li key={h}>
                {radar.counts[h] || "None"} ending in the next {h} months
              </li>
            ))}
          </ul>
          <LinkParagraph to="/radar">Open the renewal radar</LinkParagraph>
        </section>
      ) : null}
      <p className="govuk-body-s">Contains data from mySociety&apos;s UK local authority names and codes dataset (CC BY 4.0).</p>
    </>
  );
}

function FollowCouncil({
  code,
  name,
  canFollow,
  following,
}: {
  code: string;
  name: string;
  canFollow: "yes" | "no" | "signed-out";
  following: boolean;
}) {
  if (canFollow === "no") return null;
  if (canFollow === "signed-out") {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={`/login?redirectTo=${encodeURIComponent(`/councils/${code}`)}`}>
          Sign in to follow {name}
        </Link>{" "}
        and be told of its new case studies and forward plans.
      </p>
    );
  }
  return (
    <Form method="post" action={`/councils/${code}`} id="follow">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      {following ? <p className="govuk-body">You follow this council: we tell you of its new case studies and forward plans.</p> : null}
      <button type="submit" className={`govuk-button${following ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
        {following ? "Stop following" : "Follow this council"}
        <span className="govuk-visually-hidden"> {name}</span>
      </button>
    </Form>
  );
}
