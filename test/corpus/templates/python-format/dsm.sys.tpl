* Rendered by the image's entrypoint with Python's str.format:
*   open('dsm.sys', 'w').write(open('dsm.sys.tpl').read().format(**settings))
* corpus-expect: invalid-value@7:error
SErvername {tsm_server}
   COMMMethod        TCPip
   TCPServeraddress  {tsm_address}
   TCPPort           65000
   NODename          {node_name}
   PASSWORDAccess    generate
   SCHEDMODe         POLLING
   QUERYSCHEDPeriod  {query_period}
   ERRORLOGName      {log_dir}/dsmerror.log
   {extra_option}    {extra_value}
