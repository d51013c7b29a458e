/** On the employer's applications: the cabinet that runs the search also receives and handles them. */
export function HandledByCabinet({ cabinets }: { cabinets: string[] }) {
  if (cabinets.length === 0) return null;
  const many = cabinets.length > 1;
  const names = many ? `les cabinets ${cabinets.slice(0, -1).join(", ")} et ${cabinets[cabinets.length - 1]}` : `le cabinet ${cabinets[0]}`;
  return (
    <p className="alert alert-info">
      La recherche est confiée à {names}, qui {many ? "reçoivent" : "reçoit"} aussi ces candidatures et les{" "}
      {many ? "traitent" : "traite"} avec les autres candidats de la mission.
    </p>
  );
}
